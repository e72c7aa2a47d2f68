package io.jenkins.plugins.dcom.contract;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The files of one run's report set, as the command line writes them and the build step keeps them
 * (docs/reports.md). The set is written whole or not at all, {@link #JSON} last: a folder holding report.json holds a
 * finished run's whole set.
 */
public final class ReportSet {
    /** The machine-readable report: present only when the whole set is. */
    public static final String JSON = "report.json";
    public static final String JUNIT = "junit.xml";
    /** The page a person opens, and the build links to. */
    public static final String HTML = "index.html";
    public static final String CSS = "report.css";
    /** Every file of the set, in the order it is written: {@link #JSON} last. */
    public static final List<String> FILES = Collections.unmodifiableList(Arrays.asList(CSS, HTML, JUNIT, BuildSummary.FILE, JSON));

    /** The further pages of {@link #HTML}, past its first: {@code hosts-2.html}, {@code hosts-3.html}, ... */
    private static final Pattern FURTHER_PAGE = Pattern.compile("hosts-([2-9]|[1-9][0-9]{1,6})\\.html");

    private ReportSet() {
    }

    /** @return the file name of the report's page {@code page} (from 1): {@link #HTML} for the first */
    public static String htmlPage(int page) {
        return page == 1 ? HTML : "hosts-" + page + ".html";
    }

    /** @return whether {@code name} is a file of a report set: one of {@link #FILES} or a further page of {@link #HTML} */
    public static boolean isReportFile(String name) {
        return FILES.contains(name) || FURTHER_PAGE.matcher(name).matches();
    }
}
