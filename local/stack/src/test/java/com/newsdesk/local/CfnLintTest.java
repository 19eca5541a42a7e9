package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.newsdesk.local.servers.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * AWS's own linter over template.yaml. It runs the SAM transform as {@code sam deploy} does, so it sees what a
 * JSON Schema cannot: a route that names an authorizer the API cannot apply, a policy that names no resource.
 * A warning the template accepts on purpose is silenced where it arises, with a comment saying why.
 */
class CfnLintTest {
    /** cfn-lint's exit code is a bit set: 2 errors, 4 warnings, 8 informational notes. */
    private static final int ERRORS_OR_WARNINGS = 2 | 4;

    @Test
    void templateHasNoCfnLintErrorOrWarning() throws Exception {
        Path root = Repository.root();
        Process lint;
        try {
            lint = new ProcessBuilder("cfn-lint", "template.yaml").directory(root.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("cfn-lint is not installed: pip install cfn-lint (then run this test again)");
            return;
        }
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(5, TimeUnit.MINUTES)).as("cfn-lint finished").isTrue();

        assertThat(lint.exitValue() & ERRORS_OR_WARNINGS).as("cfn-lint template.yaml:%n%s", output).isZero();
    }
}
