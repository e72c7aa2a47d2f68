package io.jenkins.plugins.dcom.backup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import java.util.Base64;

/**
 * A registry value as a backup keeps it: the type code, its name for people, the bytes in Base64, and whether the
 * bytes are the host's own ({@code exact}) or rebuilt from {@code reg.exe} text.
 */
public final class SavedValue {
    private final int type;
    private final String data;
    private final boolean exact;

    @JsonCreator
    public SavedValue(@JsonProperty("type") int type, @JsonProperty("data") String data, @JsonProperty("exact") boolean exact) {
        this.type = type;
        this.data = data;
        this.exact = exact;
    }

    public static SavedValue of(RegistryValue value) {
        return new SavedValue(value.getType(), value.base64(), value.isExact());
    }

    public int getType() {
        return type;
    }

    /** @return the type's name, for people reading the record */
    @JsonProperty(value = "typeName", access = JsonProperty.Access.READ_ONLY)
    public String getTypeName() {
        return RegistryValue.typeName(type);
    }

    public String getData() {
        return data;
    }

    public boolean isExact() {
        return exact;
    }

    /** @throws IllegalArgumentException when the data is not Base64 (a damaged record) */
    public RegistryValue toValue() {
        return new RegistryValue(type, Base64.getDecoder().decode(data == null ? "" : data), exact);
    }
}
