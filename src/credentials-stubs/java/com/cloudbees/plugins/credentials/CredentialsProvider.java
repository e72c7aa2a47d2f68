package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.model.Run;
import hudson.security.Permission;

/**
 * Compile-time declaration of the credentials plugin's {@code CredentialsProvider} (jenkinsci/credentials-plugin at cb800c5f, the
 * listing in src/test/resources/jenkins-api/credentials-plugin-api.tsv.gz): only what this plugin uses, with the
 * listing's erased signatures. Never packaged; the credentials plugin supplies the real one.
 */
public abstract class CredentialsProvider {
    /** The permission to use a credential in an item's configuration. */
    public static final Permission USE_ITEM = null;

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run) {
        throw new UnsupportedOperationException("compile-time declaration");
    }

    public static <C extends Credentials> C track(Run run, C credentials) {
        throw new UnsupportedOperationException("compile-time declaration");
    }
}
