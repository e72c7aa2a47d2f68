package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/**
 * Compile-time declaration of the credentials plugin's {@code Credentials} (jenkinsci/credentials-plugin at cb800c5f, the
 * listing in src/test/resources/jenkins-api/credentials-plugin-api.tsv.gz): only what this plugin uses, with the
 * listing's erased signatures. Never packaged; the credentials plugin supplies the real one.
 */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
}
