"""The report code of bench/benchkit: medians, percentiles, the Markdown tables and the results block in a file.

Run from the repository's root with `python3 -m unittest discover -s bench -t bench` (the root pom runs it in
Maven's test phase). Standard library only; nothing is started and no file outside a temporary folder is written.
"""

import os
import tempfile
import unittest

from benchkit import report
from benchkit.report import STANDBY, TRAINING, Results


class PercentileTest(unittest.TestCase):

    def test_nearest_rank(self):
        values = list(range(1, 1001))
        self.assertEqual(report.percentile(values, 0.99), 990)
        self.assertEqual(report.percentile(values, 0.5), 500)
        self.assertEqual(report.percentile([7], 0.99), 7)


class ResultsTest(unittest.TestCase):

    def test_median_counts_samples_and_ignores_missing_values(self):
        results = Results()
        for value in (3.0, 1.0, None, 2.0):
            results.add("vfs", "manager", "ready_s", value)
        self.assertEqual(results.median("vfs", "manager", "ready_s"), (2.0, 3))
        self.assertEqual(results.median("vfs", "pm2", "ready_s"), (None, 0))
        self.assertEqual(results.scenarios, ["vfs"])

    def test_methods_come_in_report_order(self):
        results = Results()
        for method in ("pm2", "plain java -jar", "manager", TRAINING):
            results.add("vfs", method, "ready_s", 1.0)
        self.assertEqual(results.methods(), [TRAINING, "manager", "plain java -jar", "pm2"])


class TablesTest(unittest.TestCase):

    def results(self):
        results = Results()
        for value in (1.0, 3.0):
            results.add("vfs", "manager", "ready_s", value)
        results.add("vfs", "plain java -jar", "ready_s", 4.0)
        results.add("vfs", STANDBY, "ready_s", 0.5)
        results.add("vfs", "manager", "rss_mb", 110.4)
        results.add("vfs", "manager", "pss_mb", 80.6)
        results.add("vfs", "manager", "stop_s", 0.25)
        results.fail("four", "pm2", 2, {"kendra": "exited with code 1"})
        return results

    def test_launch_to_ready_gives_medians_and_the_ratio_to_plain_java(self):
        text = report.tables(self.results(), rounds=2)
        row = next(line for line in text.splitlines() if line.startswith("| vfs | 2.00 s"))
        self.assertEqual(row, "| vfs | 2.00 s | 0.50 s (1 run) | 4.00 s (1 run) | 50% | 12% |")

    def test_memory_stop_and_failures_are_reported(self):
        text = report.tables(self.results(), rounds=2)
        self.assertIn("| vfs | 110 / 81 | - | - |", text)
        self.assertIn("| vfs | 0.25 s (1 run) | - | - |", text)
        self.assertIn("- four, pm2, round 2: kendra exited with code 1", text)
        self.assertNotIn("Failures: none.", text)


class WriteMarkdownTest(unittest.TestCase):

    def test_the_results_block_is_replaced_and_the_rest_kept(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "benchmarks.md")
            with open(path, "w") as out:
                out.write(f"# Benchmarks\n\nintro\n\n{report.BEGIN}\nold figures\n{report.END}\n\nafter\n")
            report.write_markdown(path, "new figures")
            with open(path) as written:
                text = written.read()
        self.assertEqual(text, f"# Benchmarks\n\nintro\n\n{report.BEGIN}\nnew figures\n{report.END}\n\nafter\n")

    def test_a_file_without_the_block_gets_a_section_with_it(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "benchmarks.md")
            with open(path, "w") as out:
                out.write("# Benchmarks\n")
            report.write_markdown(path, "figures")
            with open(path) as written:
                text = written.read()
        self.assertTrue(text.startswith("# Benchmarks\n\n## Start-up: manager, plain java -jar, supervisord, PM2\n"))
        self.assertIn(f"{report.BEGIN}\nfigures\n{report.END}\n", text)


if __name__ == "__main__":
    unittest.main()
