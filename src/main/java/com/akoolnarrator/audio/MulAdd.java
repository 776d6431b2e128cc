package com.akoolnarrator.audio;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * {@code a * b + c} as one fused instruction where the processor has it (every 64-bit ARM, x86 since 2013), which
 * halves the work of the meters' filters; elsewhere {@link Math#fma} would be computed in software, hundreds of times
 * slower, so a multiply and an add it is. The choice is a constant: the compiler keeps one of the two.
 */
final class MulAdd {

    private static final boolean FUSED = fusedInHardware();

    private MulAdd() {
    }

    static double of(double a, double b, double c) {
        return FUSED ? Math.fma(a, b, c) : a * b + c;
    }

    private static boolean fusedInHardware() {
        try {
            return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("UseFMA").getValue());
        }
        catch (RuntimeException e) { // not HotSpot, or no such option
            return false;
        }
    }
}
