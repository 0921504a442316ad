package dev.runtimeservice.manager.isolation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unprivileged user an agent runs as: a name from {@code /etc/passwd}, or {@code uid[:gid]} (a user that needs
 * no entry, as containers use).
 *
 * @param spec as {@code agent.yml} writes it
 * @param uid its user id
 * @param gid its group id
 */
public record AgentUser(String spec, int uid, int gid) {

    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,9})(?::(\\d{1,9}))?");
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final Path PASSWD = Path.of("/etc/passwd");
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    /**
     * Reads {@code user:}.
     *
     * @throws IllegalArgumentException saying what is expected
     */
    public static AgentUser parse(String spec) {
        Matcher numeric = NUMERIC.matcher(spec);
        if (numeric.matches()) {
            int uid = Integer.parseInt(numeric.group(1));
            return new AgentUser(spec, uid, numeric.group(2) == null ? uid : Integer.parseInt(numeric.group(2)));
        }
        if (!NAME.matcher(spec).matches()) {
            throw new IllegalArgumentException("'user' must be a user name (such as agent-vfs) or uid[:gid] (such as "
                    + "61001:61001), not '" + spec + "'");
        }
        return fromPasswd(spec)
                .orElseThrow(() -> new IllegalArgumentException(
                        "'user' names '" + spec + "', which is not in /etc/passwd; create it (useradd --system " + spec
                                + ") or give uid[:gid]"));
    }

    private static Optional<AgentUser> fromPasswd(String name) {
        try {
            for (String line : Files.readAllLines(PASSWD, StandardCharsets.UTF_8)) {
                String[] fields = line.split(":");
                if (fields.length >= 4 && fields[0].equals(name)) {
                    return Optional.of(new AgentUser(name, Integer.parseInt(fields[2]), Integer.parseInt(fields[3])));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether this manager can run processes as another user: it runs as root and has setpriv. */
    public static boolean canSwitch() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(SETPRIV);
    }

    /**
     * The argv prefix that runs the rest as this user: setpriv replaces itself with it (the pid stays), with no
     * supplementary groups and no way back to privileges ({@code no_new_privs}).
     */
    public List<String> switchArgv() {
        return List.of(SETPRIV.toString(), "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--no-new-privs");
    }

    /**
     * Gives the agent's folder, its temporary folder and its resources file to this user, readable by it alone.
     * Files root made earlier inside the folder stay root's.
     */
    public void own(Path home, Path... files) throws IOException {
        give(home);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        for (Path file : files) {
            if (Files.exists(file)) {
                give(file);
            }
        }
    }

    /** Gives one file to this user (its mode stays: a resources file is 0600, so it is then readable by it alone). */
    public void handOver(Path file) throws IOException {
        give(file);
    }

    /**
     * Makes {@code folder} (whose parent only root may write to) a folder of this user's, readable by it alone, as
     * the per-user fast-start archives are kept in.
     */
    public void ownFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        give(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }

    private void give(Path path) throws IOException {
        // Never through a link: the user owns the agent's folder and could put, say, a link to /etc where .tmp was;
        // following it would give that target to the user.
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }
}
