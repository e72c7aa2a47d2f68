import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step, run by the JDK as a single source file (java StripHpiClasses.java FILE.hpi): removes WEB-INF/classes
 * from the .hpi. Hudson's maven-hpi-plugin always copies the compiled classes there, and Jenkins repacks that folder
 * into WEB-INF/lib/classes.jar with a warning on every start; the plugin's server-side classes are already in
 * WEB-INF/lib as a jar of their own. Every other entry is copied unchanged, in order (META-INF/MANIFEST.MF first).
 */
public final class StripHpiClasses {
    public static void main(String[] args) throws IOException {
        Path hpi = Paths.get(args[0]);
        Path stripped = hpi.resolveSibling(hpi.getFileName() + ".tmp");
        int removed = 0;
        try (ZipFile in = new ZipFile(hpi.toFile()); OutputStream file = Files.newOutputStream(stripped);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith("WEB-INF/classes/")) {
                    removed++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.move(stripped, hpi, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("[StripHpiClasses] removed " + removed + " WEB-INF/classes entries from " + hpi.getFileName());
    }
}
