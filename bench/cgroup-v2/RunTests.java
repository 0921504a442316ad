import java.io.PrintWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * Runs the JUnit test classes (or Class#method) named as arguments with the test class path it is given, and prints JUnit's summary
 * (failures with their stack traces): how bench/cgroup-v2/run.sh runs tests inside its virtual machine, where Maven
 * would take minutes under emulation. Exit code 0 only if some test ran and none failed or was skipped.
 *
 *   java -cp <test class path> bench/cgroup-v2/RunTests.java dev.runtimeservice.manager.limits.CgroupsV2Test
 */
public class RunTests {
    public static void main(String[] classes) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String name : classes) {
            // A class, or one of its methods as Class#method.
            request.selectors(
                    name.contains("#") ? DiscoverySelectors.selectMethod(name) : DiscoverySelectors.selectClass(name));
        }
        LauncherDiscoveryRequest built = request.build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(built, summary);
        PrintWriter out = new PrintWriter(System.out, true);
        summary.getSummary().printTo(out);
        summary.getSummary().printFailuresTo(out, 30);
        var result = summary.getSummary();
        boolean passed = result.getTestsSucceededCount() > 0
                && result.getTotalFailureCount() == 0
                && result.getTestsSkippedCount() == 0
                && result.getContainersFailedCount() == 0;
        System.exit(passed ? 0 : 1);
    }
}
