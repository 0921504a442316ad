package dev.runtimeservice.manager.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentUserTest {

    @Test
    void aUserIsANameFromPasswdOrUidAndGid() {
        assertThat(AgentUser.parse("61001")).isEqualTo(new AgentUser("61001", 61001, 61001));
        assertThat(AgentUser.parse("61001:100")).isEqualTo(new AgentUser("61001:100", 61001, 100));
        assertThat(AgentUser.parse("root").uid()).isZero();
        assertThat(AgentUser.parse("61001").switchArgv())
                .containsExactly(
                        "/usr/bin/setpriv", "--reuid=61001", "--regid=61001", "--clear-groups", "--no-new-privs");
    }

    @Test
    void aBadUserSaysWhatIsExpected() {
        assertThatThrownBy(() -> AgentUser.parse("no-such-user-here"))
                .hasMessageContaining("not in /etc/passwd")
                .hasMessageContaining("useradd --system no-such-user-here");
        assertThatThrownBy(() -> AgentUser.parse("Bad User")).hasMessageContaining("must be a user name");
    }

    @Test
    void handingAnAgentsFilesOverNeverFollowsALinkItPutThere(@TempDir Path home) throws Exception {
        assumeTrue(AgentUser.canSwitch(), "only root can give files to another user");
        // The user owns the agent's folder: where .tmp and resources.json go, it could have put links to root's files.
        Path rootsFile = Files.writeString(home.resolveSibling(home.getFileName() + "-roots"), "root's");
        Path temp = Files.createSymbolicLink(home.resolve(".tmp"), rootsFile);
        Path resources = Files.createSymbolicLink(home.resolve("resources.json"), rootsFile);
        try {
            AgentUser.parse("61005").own(home, temp, resources);
            AgentUser.parse("61005").handOver(resources);

            assertThat(Files.getAttribute(rootsFile, "unix:uid")).isEqualTo(0);
            assertThat(Files.getAttribute(home, "unix:uid")).isEqualTo(61005);
            assertThat(Files.getAttribute(temp, "unix:uid", LinkOption.NOFOLLOW_LINKS))
                    .isEqualTo(61005);
        } finally {
            Files.delete(rootsFile);
        }
    }
}
