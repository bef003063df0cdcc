package dev.pageframe.execution;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * An execution engine that runs nothing, for the host-only JShell that answers completion and
 * documentation queries: it needs declarations compiled, never executed.
 */
final class InertExecutionControl implements ExecutionControl {

    /** Provider handing out inert engines. */
    static final ExecutionControlProvider PROVIDER = new ExecutionControlProvider() {
        @Override
        public String name() {
            return "pageframe-inert";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return new InertExecutionControl();
        }
    };

    @Override
    public void load(ClassBytecodes[] classes) {}

    @Override
    public void redefine(ClassBytecodes[] classes) {}

    @Override
    public String invoke(String className, String methodName) {
        return "";
    }

    @Override
    public String varValue(String className, String varName) {
        return "";
    }

    @Override
    public void addToClasspath(String path) {}

    @Override
    public void stop() {}

    @Override
    public Object extensionCommand(String command, Object arg) throws NotImplementedException {
        throw new NotImplementedException(command);
    }

    @Override
    public void close() {}
}
