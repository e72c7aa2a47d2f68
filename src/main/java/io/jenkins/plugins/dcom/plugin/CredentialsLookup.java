package io.jenkins.plugins.dcom.plugin;

import hudson.AbortException;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Hudson;
import hudson.model.Run;

/**
 * Finds the Windows account a step's {@code credentialsId} names, in the context of the build that uses it. In Jenkins
 * the credentials plugin's lookup is the one ({@link CredentialsPluginLookup}, an optional extension); a test
 * registers its own.
 */
public abstract class CredentialsLookup implements ExtensionPoint {
    /**
     * @return the account, its use recorded against {@code run}; {@code null} when this lookup has no credential
     *         {@code id} that {@code run} may use
     * @throws LinkageError when what the lookup needs is not installed
     */
    public abstract WindowsAccount find(String id, Run<?, ?> run);

    /**
     * The one way the steps resolve a {@code credentialsId}.
     *
     * @throws AbortException naming the id and the fix when no lookup has it, or no lookup can run here
     */
    static WindowsAccount resolve(String id, Run<?, ?> run) throws AbortException {
        ExtensionList<CredentialsLookup> lookups = Hudson.getInstance().getExtensionList(CredentialsLookup.class);
        boolean anyRan = false;
        for (CredentialsLookup lookup : lookups) {
            try {
                WindowsAccount account = lookup.find(id, run);
                anyRan = true;
                if (account != null) {
                    return account;
                }
            } catch (LinkageError e) {
                // this lookup's plugin is not installed; another lookup may still have the id
            }
        }
        if (!anyRan) {
            throw new AbortException("DCOM compliance: credentialsId '" + id + "' needs the Credentials plugin, which this "
                    + "server does not have; install it, or bind the password with withCredentials and name its variable "
                    + "in passwordVariable");
        }
        throw new AbortException("DCOM compliance: no 'Username with password' credential with the id '" + id + "' is "
                + "available to this build; add it in Manage Jenkins > Credentials (or the folder's), or fix credentialsId");
    }
}
