package io.github.memrayjvm.api.recorder;

import java.util.regex.Pattern;

/**
 * Makes the names of the JVM's generated classes stable. Lambdas and method handles live in hidden
 * classes whose names carry an address or a counter ({@code App$$Lambda$147/0x0000000800c0b448.run},
 * {@code App$$Lambda/0x00007f...run} on newer JDKs, {@code LambdaForm$MH/0x0000...}); the same code
 * would make a new row in every run and, with class unloading, in one run. Pure.
 */
final class HiddenClassNames {

    private static final String LAMBDA = "$$Lambda";
    private static final Pattern ADDRESS = Pattern.compile("[/+]0x[0-9a-fA-F]+(\\.\\d+)?");

    private HiddenClassNames() {
    }

    /** {@code function} ({@code pkg.Class.method}) with generated parts of its class name cut. */
    static String stable(String function) {
        int lambda = function.indexOf(LAMBDA);
        if (lambda >= 0) {
            int method = function.lastIndexOf('.');
            if (method > lambda) {
                return function.substring(0, lambda + LAMBDA.length()) + function.substring(method);
            }
        }
        if (function.indexOf("0x") < 0) {
            return function;
        }
        return ADDRESS.matcher(function).replaceAll("");
    }
}
