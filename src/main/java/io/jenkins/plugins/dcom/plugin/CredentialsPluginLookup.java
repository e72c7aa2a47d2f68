package io.jenkins.plugins.dcom.plugin;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.model.Hudson;
import hudson.model.Item;
import hudson.model.Run;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;

/**
 * Jenkins only, with the credentials plugin: a {@code credentialsId} names a {@link StandardUsernamePasswordCredentials}
 * found in the run's context ({@code CredentialsProvider.findCredentialById}), its use recorded
 * ({@code CredentialsProvider.track}), and the form's drop-down lists those the user may pick, as the plugin's
 * consumer guide ({@code docs/consumer.adoc} in jenkinsci/credentials-plugin) asks.
 *
 * <p>The credentials plugin is an optional dependency: this is the only class that names its types, and every caller
 * treats a {@link LinkageError} as "not installed". Hudson has no such plugin: it skips this optional extension, or
 * {@link CredentialsLookup#resolve} passes it over.
 */
@Extension(optional = true)
public final class CredentialsPluginLookup extends CredentialsLookup {
    @Override
    public WindowsAccount find(String id, Run<?, ?> run) {
        StandardUsernamePasswordCredentials credential = CredentialsProvider.findCredentialById(id,
                StandardUsernamePasswordCredentials.class, run);
        if (credential == null) {
            return null;
        }
        CredentialsProvider.track(run, credential);
        return new WindowsAccount(credential.getUsername(), Secret.toString(credential.getPassword()));
    }

    /**
     * The drop-down of the step's form: the username/password credentials of the item's context, the empty choice and
     * the current value; only the current value for a user who may neither configure the item nor use its credentials.
     */
    static ListBoxModel items(Item item, String current) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (!mayList(item)) {
            result.includeCurrentValue(current);
            return result;
        }
        result.includeEmptyValue();
        result.include(item, StandardUsernamePasswordCredentials.class);
        result.includeCurrentValue(current);
        return result;
    }

    /** The form's check: a credential that is no longer there is an error; nothing is said to who may not list them. */
    static FormValidation check(Item item, String value) {
        if (!mayList(item) || value == null || value.trim().isEmpty()) {
            return FormValidation.ok();
        }
        if (value.startsWith("${")) {
            return FormValidation.warning("Holds a variable: resolved when the build runs");
        }
        StandardListBoxModel available = new StandardListBoxModel();
        available.include(item, StandardUsernamePasswordCredentials.class);
        for (ListBoxModel.Option option : available) {
            if (option.value.equals(value)) {
                return FormValidation.ok();
            }
        }
        return FormValidation.error("No 'Username with password' credential with this id is available to this job");
    }

    private static boolean mayList(Item item) {
        if (item == null) {
            return Hudson.getInstance().hasPermission(Hudson.ADMINISTER);
        }
        return item.hasPermission(Item.CONFIGURE) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }
}
