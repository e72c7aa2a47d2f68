package io.jenkins.plugins.dcom.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The names of a report set's files: what the command line writes and removes, and what the build step clears, keeps
 * and serves. Further HTML pages are files of the set by name; nothing else is, least of all a path.
 */
class ReportSetTest {

    @Test
    void theFirstPageIsIndexHtmlAndFurtherPagesAreNumbered() {
        assertThat(ReportSet.htmlPage(1)).isEqualTo(ReportSet.HTML);
        assertThat(ReportSet.htmlPage(2)).isEqualTo("hosts-2.html");
        assertThat(ReportSet.htmlPage(50)).isEqualTo("hosts-50.html");
    }

    @Test
    void everyFileOfTheSetAndEveryFurtherPageIsAReportFile() {
        for (String name : ReportSet.FILES) {
            assertThat(ReportSet.isReportFile(name)).as(name).isTrue();
        }
        assertThat(ReportSet.isReportFile(ReportSet.htmlPage(2))).isTrue();
        assertThat(ReportSet.isReportFile(ReportSet.htmlPage(1_000_000))).isTrue();
    }

    @Test
    void noOtherNameAndNoPathIsAReportFile() {
        for (String name : new String[] {"hosts-0.html", "hosts-1.html.bak", "hosts-01.html", "hosts-2.htm", "hosts-.html",
            "../hosts-2.html", "hosts-2.html/../../secret", "sub/hosts-2.html", "HOSTS-2.HTML", "index.html ", "",
            ".report-spool123.tmp", "config.xml"}) {
            assertThat(ReportSet.isReportFile(name)).as(name).isFalse();
        }
    }
}
