package io.jenkins.plugins.dcom.plugin;

import hudson.util.FormValidation;
import io.jenkins.plugins.dcom.contract.RestartRules;
import io.jenkins.plugins.dcom.contract.RolloutSpec;
import io.jenkins.plugins.dcom.contract.TransportNames;
import io.jenkins.plugins.dcom.contract.UserForms;
import io.jenkins.plugins.dcom.inventory.InventoryException;
import io.jenkins.plugins.dcom.inventory.InventoryParser;
import io.jenkins.plugins.dcom.inventory.Shard;
import io.jenkins.plugins.dcom.policy.PolicyException;
import io.jenkins.plugins.dcom.policy.PolicyParser;
import io.jenkins.plugins.dcom.policy.Presets;

/**
 * The form's validation: the engine's own parsers and checks, so the form says exactly what a build would say.
 * Text holding {@code ${...}} is checked at build time, after expansion.
 */
final class FormChecks {
    private FormChecks() {
    }

    private static boolean hasVariables(String value) {
        return value != null && value.contains("${");
    }

    static FormValidation servers(String value, String inventoryFile) {
        if (value == null || value.trim().isEmpty()) {
            return inventoryFile == null || inventoryFile.trim().isEmpty()
                    ? FormValidation.error("List the servers here, one per line, or give an inventory file in the workspace")
                    : FormValidation.ok();
        }
        if (hasVariables(value)) {
            return FormValidation.warning("Holds variables: checked when the build expands them");
        }
        try {
            return FormValidation.ok(new InventoryParser().parse(value, "Servers").size() + " servers");
        } catch (InventoryException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation policy(String value) {
        if (value == null || value.trim().isEmpty() || Presets.isPreset(value.trim()) || hasVariables(value)) {
            return FormValidation.ok();
        }
        return FormValidation.ok("Not a preset (" + Presets.names() + "): read as a policy file in the workspace");
    }

    static FormValidation policyYaml(String value) {
        if (value == null || value.trim().isEmpty() || hasVariables(value)) {
            return FormValidation.ok();
        }
        try {
            return FormValidation.ok("Valid: " + new PolicyParser().parse(value, "Inline policy"));
        } catch (PolicyException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation user(String value, String transport) {
        if (value == null || value.trim().isEmpty()) {
            return FormValidation.error("A user is required: an account in the servers' local Administrators group");
        }
        String problem = UserForms.problem(TransportNames.ALL.contains(transport) ? transport : TransportNames.DEFAULT, value.trim());
        if (problem != null) {
            return FormValidation.error(problem);
        }
        return FormValidation.ok();
    }

    static FormValidation restartComment(String value) {
        if (value == null || value.trim().isEmpty() || hasVariables(value)) {
            return FormValidation.ok();
        }
        String problem = RestartRules.commentProblem(value.trim());
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }

    /** The rollout field: words of {@link RolloutSpec#FORMAT}; only remediations roll out. */
    static FormValidation rollout(String value, String mode) {
        if (value == null || value.trim().isEmpty() || hasVariables(value)) {
            return FormValidation.ok();
        }
        try {
            RolloutSpec.toArguments(value);
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
        return StepMode.AUDIT.name().equals(mode) ? FormValidation.warning("An audit changes nothing, so it has no waves; "
                + "the rollout applies to the remediation modes") : FormValidation.ok();
    }

    static FormValidation shard(String value) {
        if (value == null || value.trim().isEmpty() || hasVariables(value)) {
            return FormValidation.ok();
        }
        try {
            Shard.parse(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage() + "; in a matrix job, ${SHARD}/4");
        }
    }

    static FormValidation range(String value, int min, int max, String field) {
        if (value == null || value.trim().isEmpty()) {
            return FormValidation.ok();
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return FormValidation.ok();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return FormValidation.error(field + " must be a whole number from " + min + " to " + max);
    }
}
