package dev.pageframe.execution.agent;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.attribute.StackMapTableAttribute;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.Optional;

/**
 * Rewrites a cell's class file so every branch first calls {@link StopSignal#check()}.
 *
 * <p>The inserted call neither reads nor leaves anything on the operand stack, so the original
 * stack map frames stay valid; they are re-attached by label instead of being recomputed. (JDK 25's
 * own LocalExecutionControl recomputes them and fails on cell classes whose frames merge two other
 * cell classes, because its class hierarchy resolver cannot see classes that live only in JShell.)
 */
final class StopInstrumenter {
    private static final ClassDesc STOP_SIGNAL = ClassDesc.of(StopSignal.class.getName());
    private static final MethodTypeDesc VOID = MethodTypeDesc.of(ConstantDescs.CD_void);

    private final ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.DROP_STACK_MAPS);

    byte[] instrument(byte[] original) {
        return classFile.transformClass(classFile.parse(original), ClassTransform.transformingMethods(
                (methodBuilder, element) -> {
                    if (element instanceof CodeModel code) {
                        methodBuilder.transformCode(code, new CheckBeforeBranch(code));
                    } else {
                        methodBuilder.with(element);
                    }
                }));
    }

    /** Inserts the check and carries the method's original stack map over. */
    private static final class CheckBeforeBranch implements CodeTransform {
        private final Optional<StackMapTableAttribute> frames;

        CheckBeforeBranch(CodeModel code) {
            this.frames = code.findAttribute(Attributes.stackMapTable());
        }

        @Override
        public void accept(CodeBuilder builder, CodeElement element) {
            if (element instanceof BranchInstruction) {
                builder.invokestatic(STOP_SIGNAL, "check", VOID);
            }
            builder.with(element);
        }

        @Override
        public void atEnd(CodeBuilder builder) {
            frames.ifPresent(table -> builder.with(StackMapTableAttribute.of(table.entries())));
        }
    }
}
