package dev.runtimeservice.samples.junit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What the sample's classes saw of their manager, so that the second one can check it got the same one. */
final class SharedRuntime {

    static final Set<Long> MANAGER_PIDS = ConcurrentHashMap.newKeySet();

    private SharedRuntime() {}
}
