package dev.runtimeservice.agent.vfs;

import dev.runtimeservice.agent.sdk.config.AgentProperties;
import dev.runtimeservice.agent.sdk.resources.AgentResources;
import dev.runtimeservice.agent.vfs.mount.MountTable;
import dev.runtimeservice.agent.vfs.mount.MountsConsumer;
import dev.runtimeservice.agent.vfs.mount.SharepointConsumer;
import dev.runtimeservice.agent.vfs.search.Searcher;
import dev.runtimeservice.agent.vfs.store.AtomicWriter;
import dev.runtimeservice.agent.vfs.store.FileStore;
import dev.runtimeservice.agent.vfs.store.Mover;
import dev.runtimeservice.agent.vfs.store.Quota;
import dev.runtimeservice.agent.vfs.store.Remover;
import dev.runtimeservice.agent.vfs.store.RootScan;
import dev.runtimeservice.agent.vfs.store.SandboxResolver;
import dev.runtimeservice.agent.vfs.store.Sizes;
import dev.runtimeservice.agent.vfs.store.Tree;
import dev.runtimeservice.agent.vfs.store.Volume;
import dev.runtimeservice.agent.vfs.store.Volumes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the data root, the mounts and the file operations from the agent's configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VfsProperties.class)
class VfsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VfsConfiguration.class);

    @Bean
    MountTable mountTable(AgentResources resources) {
        return MountTable.open(resources);
    }

    @Bean
    MountsConsumer mountsConsumer(MountTable table) {
        return new MountsConsumer(table);
    }

    @Bean
    SharepointConsumer sharepointConsumer() {
        return new SharepointConsumer();
    }

    @Bean(destroyMethod = "close")
    Volumes volumes(VfsProperties properties, AgentProperties agent, MountTable mounts) {
        Path root = properties.rootUnder(agent.home());
        try {
            Files.createDirectories(root);
            root = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot create the vfs data root " + root + "; set VFS_ROOT to a " + "writable folder", e);
        }
        log.info(
                "vfs data root is {} (limit {}, per file {})",
                root,
                Sizes.describe(properties.maxRootSize()),
                Sizes.describe(properties.maxFileSize()));
        return new Volumes(new Volume("", root, Volume.Kind.DATA, false), mounts.volumes(), mounts.fileSystems());
    }

    @Bean
    Quota quota(VfsProperties properties, Volumes volumes) {
        for (Volume mount : volumes.mounts()) {
            if (!mount.readOnly()) {
                RootScan.scan(mount.root(), "mount '" + mount.name() + "'");
            }
        }
        return new Quota(properties.maxRootSize(), RootScan.scan(volumes.data().root(), "the data root"));
    }

    @Bean
    SandboxResolver sandboxResolver(Volumes volumes) {
        return new SandboxResolver(volumes);
    }

    @Bean
    Tree tree(SandboxResolver resolver) {
        return new Tree(resolver);
    }

    @Bean
    FileStore fileStore(Tree tree) {
        return new FileStore(tree);
    }

    @Bean
    AtomicWriter atomicWriter(Tree tree, Quota quota, VfsProperties properties) {
        return new AtomicWriter(tree, quota, properties.maxFileSize());
    }

    @Bean
    Remover remover(Tree tree, Quota quota) {
        return new Remover(tree, quota);
    }

    @Bean
    Mover mover(Tree tree, AtomicWriter writer, Remover remover) {
        return new Mover(tree, writer, remover);
    }

    @Bean
    Searcher searcher(SandboxResolver resolver, VfsProperties properties) {
        return new Searcher(resolver, properties.searchMaxFileSize());
    }
}
