package io.jenkins.plugins.dcom.inventory;

/** An inventory that cannot be used; the message names the source, the line and the fix. */
public final class InventoryException extends Exception {
    private static final long serialVersionUID = 1L;

    public InventoryException(String message) {
        super(message);
    }

    public InventoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
