package com.cloudbees.plugins.credentials.common;

import hudson.model.Item;
import hudson.util.ListBoxModel;

/**
 * Compile-time declaration of the credentials plugin's {@code AbstractIdCredentialsListBoxModel} (jenkinsci/credentials-plugin at cb800c5f, the
 * listing in src/test/resources/jenkins-api/credentials-plugin-api.tsv.gz): only what this plugin uses, with the
 * listing's erased signatures. Never packaged; the credentials plugin supplies the real one.
 */
public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>, C extends IdCredentials>
        extends ListBoxModel {
    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        throw new UnsupportedOperationException("compile-time declaration");
    }

    public AbstractIdCredentialsListBoxModel<T, C> include(Item context, Class<? extends C> type) {
        throw new UnsupportedOperationException("compile-time declaration");
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) {
        throw new UnsupportedOperationException("compile-time declaration");
    }
}
