package dev.runtimeservice.cli;

import picocli.CommandLine.IVersionProvider;

/** The CLI's version as its jar's manifest records it. */
final class CliVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = RuntimeCli.class.getPackage().getImplementationVersion();
        return new String[] {"runtime " + (version == null ? "(version unknown: not run from its jar)" : version)};
    }
}
