package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/**
 * Compile-time declaration of the credentials plugin's {@code UsernameCredentials} (jenkinsci/credentials-plugin at cb800c5f, the
 * listing in src/test/resources/jenkins-api/credentials-plugin-api.tsv.gz): only what this plugin uses, with the
 * listing's erased signatures. Never packaged; the credentials plugin supplies the real one.
 */
public interface UsernameCredentials extends Credentials {
    String getUsername();
}
