/**
 * Starts a real Hudson 3.3.2 from its war: java -cp 'libs/*' StartHudson.java WAR [Hudson options].
 * The war's own launcher misparses JDK 9+ versions; JettyLauncher is what it would call.
 */
public class StartHudson {
    public static void main(String[] args) throws Exception {
        java.net.URL war = new java.io.File(args[0]).toURI().toURL();
        String[] options = java.util.Arrays.copyOfRange(args, 1, args.length);
        Class.forName("org.eclipse.hudson.jetty.JettyLauncher").getMethod("start", String[].class, java.net.URL.class)
                .invoke(null, options, war);
    }
}
