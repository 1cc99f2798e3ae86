package dev.lamina.runtime.cli;

import java.util.Optional;

/**
 * Ends a training JVM whose parent has died. Maven stops its training child on Ctrl-C and on a normal
 * kill through a shutdown hook, but a parent killed with SIGKILL runs no hook; the child then notices
 * within a second and exits, instead of training on as an orphan. Files are written atomically, so the
 * last checkpoint stays good.
 */
final class ParentWatch {

    /** System property with the parent's process id, set by the Maven plugin. */
    static final String PARENT_PID_PROPERTY = "lamina.parentPid";

    private ParentWatch() {}

    static void startIfRequested() {
        String pid = System.getProperty(PARENT_PID_PROPERTY);
        if (pid == null || pid.isBlank()) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(pid.trim()));
        if (parent.isEmpty()) {
            exitOrphaned(pid);
        }
        Thread watch = new Thread(() -> {
            while (parent.get().isAlive()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            exitOrphaned(pid);
        }, "lamina-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void exitOrphaned(String pid) {
        System.err.println("lamina: the Maven process " + pid + " that started this training has ended; stopping");
        System.exit(143);
    }
}
