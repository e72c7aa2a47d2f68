package io.jenkins.plugins.dcom.policy;

import io.jenkins.plugins.dcom.text.InputFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a YAML policy. Every error names the source and line and says how to fix it.
 *
 * <pre>
 * name: site-servers
 * first: ncacn_ip_tcp          # this protocol must be first
 * order: [ncacn_ip_tcp]        # or: exactly this list
 * required: [ncacn_ip_tcp]     # must be present
 * forbidden: [ncalrpc]         # must be absent
 * unknownNames: error          # error | warning: names Windows would silently ignore
 * obsoleteNames: warning       # error | warning: names DCOM on 2000 and later does not use
 * </pre>
 */
public final class PolicyParser {
    private static final List<String> KEYS =
            Arrays.asList("name", "first", "order", "required", "forbidden", "unknownNames", "obsoleteNames", "connectivity", "enableDcom", "rpcPorts", "legacyAuthenticationLevel",
                    "dcomHardening", "rebootPending");
    private static final int MAX_BYTES = 64 * 1024;

    /**
     * Resolves a {@code --policy} argument: a preset name, or else a file.
     *
     * @param presetOrFile  a preset name or a path
     * @param baseDirectory what a relative path is resolved against
     * @return the policy
     * @throws PolicyException for an unknown preset, an unreadable file or invalid content
     */
    public Policy load(String presetOrFile, Path baseDirectory) throws PolicyException {
        if (Presets.isPreset(presetOrFile)) {
            return Presets.get(presetOrFile);
        }
        Path file = baseDirectory.resolve(presetOrFile);
        if (!Files.isRegularFile(file)) {
            throw new PolicyException("'" + presetOrFile + "' is neither a preset nor a policy file; use one of "
                    + Presets.names() + " or the path of a YAML policy file");
        }
        return parse(file);
    }

    /** Reads a policy file. */
    public Policy parse(Path file) throws PolicyException {
        try {
            return parse(InputFiles.readUtf8(file, MAX_BYTES), file.toString());
        } catch (NoSuchFileException e) {
            throw new PolicyException(file + ": no such policy file; give a path or a preset " + Presets.names(), e);
        } catch (IOException e) {
            throw new PolicyException("policy " + e.getMessage(), e);
        }
    }

    /**
     * Reads a policy from text (a form field, or a file's content).
     *
     * @param yaml   the policy text
     * @param source what to call it in messages
     */
    public Policy parse(String yaml, String source) throws PolicyException {
        Node root = compose(yaml, source);
        if (!(root instanceof MappingNode)) {
            throw error(source, root, "a policy is a mapping of keys such as 'first: ncacn_ip_tcp'");
        }
        PolicyBuilder builder = new PolicyBuilder(source);
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : ((MappingNode) root).getValue()) {
            String key = scalar(source, tuple.getKeyNode(), "a key");
            if (!seen.add(key)) {
                throw error(source, tuple.getKeyNode(), "'" + key + "' is given twice; keep one");
            }
            apply(builder, source, key, tuple);
        }
        return builder.build();
    }

    private static Node compose(String yaml, String source) throws PolicyException {
        if (yaml == null || yaml.trim().isEmpty()) {
            throw new PolicyException(source + ": the policy is empty; state at least 'first: ncacn_ip_tcp'");
        }
        try (Reader reader = new StringReader(yaml)) {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setAllowRecursiveKeys(false);
            return new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new PolicyException(source + " line " + line + ": not valid YAML (" + e.getProblem()
                    + "); check indentation and quoting", e);
        } catch (YAMLException | IOException e) {
            throw new PolicyException(source + ": not valid YAML (" + e.getMessage() + ")", e);
        }
    }

    private void apply(PolicyBuilder builder, String source, String key, NodeTuple tuple) throws PolicyException {
        Node value = tuple.getValueNode();
        switch (key) {
            case "name":
                builder.name(scalar(source, value, "a name"));
                break;
            case "first":
                builder.first(protocol(source, value));
                break;
            case "order":
                builder.order(protocols(source, value, key));
                break;
            case "required":
                builder.required(protocols(source, value, key));
                break;
            case "forbidden":
                builder.forbidden(protocols(source, value, key));
                break;
            case "unknownNames":
                builder.unknownNames(severity(source, value, key));
                break;
            case "obsoleteNames":
                builder.obsoleteNames(severity(source, value, key));
                break;
            case "connectivity":
                builder.connectivityRequired(connectivity(source, value));
                break;
            case "enableDcom":
            case "rpcPorts":
            case "legacyAuthenticationLevel":
            case "dcomHardening":
            case "rebootPending":
                Severity severity = relatedSeverity(source, value, key);
                for (RelatedSetting setting : RelatedSetting.values()) {
                    if (setting.policyKey().equals(key)) {
                        builder.related(setting, severity);
                    }
                }
                break;
            default:
                throw error(source, tuple.getKeyNode(), "unknown key '" + key + "'" + suggestKey(key)
                        + "; the keys are " + KEYS);
        }
    }

    private static String suggestKey(String key) {
        for (String candidate : KEYS) {
            if (EditDistance.between(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT)) <= 2) {
                return " (did you mean '" + candidate + "'?)";
            }
        }
        return "";
    }

    private static String scalar(String source, Node node, String what) throws PolicyException {
        if (!(node instanceof ScalarNode) || ((ScalarNode) node).getValue().trim().isEmpty()) {
            throw error(source, node, "expected " + what + " here");
        }
        return ((ScalarNode) node).getValue().trim();
    }

    private static String protocol(String source, Node node) throws PolicyException {
        String name = scalar(source, node, "a protocol name such as ncacn_ip_tcp");
        if (!ProtocolCatalog.SAFE_NAME.matcher(name).matches() || !ProtocolCatalog.isKnown(name)) {
            throw error(source, node, ProtocolCatalog.explain(name) + "; a policy may only name DCOM protocol sequences");
        }
        return name;
    }

    private static List<String> protocols(String source, Node node, String key) throws PolicyException {
        if (!(node instanceof SequenceNode)) {
            throw error(source, node, "'" + key + "' takes a list, for example " + key + ": [ncacn_ip_tcp]");
        }
        List<String> names = new ArrayList<>();
        for (Node item : ((SequenceNode) node).getValue()) {
            names.add(protocol(source, item));
        }
        return names;
    }

    private static Severity severity(String source, Node node, String key) throws PolicyException {
        String value = scalar(source, node, "error or warning");
        if ("error".equals(value)) {
            return Severity.ERROR;
        }
        if ("warning".equals(value)) {
            return Severity.WARNING;
        }
        throw error(source, node, "'" + key + "' is '" + value + "'; use error or warning");
    }

    /** @return the severity, or {@code null} for off */
    private static Severity relatedSeverity(String source, Node node, String key) throws PolicyException {
        String value = scalar(source, node, "error, warning or off");
        if ("off".equals(value)) {
            return null;
        }
        if (!"error".equals(value) && !"warning".equals(value)) {
            throw error(source, node, "'" + key + "' is '" + value + "'; use error, warning or off");
        }
        return severity(source, node, key);
    }

    private static boolean connectivity(String source, Node node) throws PolicyException {
        String value = scalar(source, node, "required or reported");
        if ("required".equals(value) || "reported".equals(value)) {
            return "required".equals(value);
        }
        throw error(source, node, "'connectivity' is '" + value + "'; use required (every console must reach every site "
                + "server at once on a connection-oriented protocol) or reported (the default)");
    }

    private static PolicyException error(String source, Node node, String message) {
        int line = node == null ? 1 : node.getStartMark().getLine() + 1;
        return new PolicyException(source + " line " + line + ": " + message);
    }
}
