package io.jenkins.plugins.dcom.analysis;

/** What DCOM is predicted to do between a console and a site server. */
public enum PairOutcome {
    /** Connects on the first protocol it tries. */
    CONNECTS,
    /** Connects only after failed attempts on earlier protocols: 30-45 s each (KB242022). */
    SLOW,
    /** Does not connect: the article's symptom. */
    FAILS,
    /** Not predictable: a version or a list could not be read. */
    UNKNOWN
}
