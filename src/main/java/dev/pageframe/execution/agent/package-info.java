/**
 * Code that runs inside the agent JVM: the JShell execution engine ({@code AgentMain},
 * {@code CellRunner}) and the API cells call ({@link dev.pageframe.execution.agent.CellContext}).
 * It must not depend on the host side of {@code dev.pageframe.execution}.
 */
package dev.pageframe.execution.agent;
