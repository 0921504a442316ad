package dev.runtimeservice.manager.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}
