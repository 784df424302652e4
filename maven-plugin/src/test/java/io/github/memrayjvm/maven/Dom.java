package io.github.memrayjvm.maven;

import org.codehaus.plexus.util.xml.Xpp3Dom;

/** Small configurations for tests: {@code Dom.of("configuration", "argLine", "-Xmx1g")}. */
final class Dom {

    private Dom() {
    }

    /** An element holding one child element per name/value pair. */
    static Xpp3Dom of(String name, String... childNamesAndValues) {
        Xpp3Dom dom = new Xpp3Dom(name);
        for (int i = 0; i < childNamesAndValues.length; i += 2) {
            Xpp3Dom child = new Xpp3Dom(childNamesAndValues[i]);
            child.setValue(childNamesAndValues[i + 1]);
            dom.addChild(child);
        }
        return dom;
    }

    /** The value of child {@code name}, or {@code null}. */
    static String value(Xpp3Dom dom, String name) {
        Xpp3Dom child = dom.getChild(name);
        return child == null ? null : child.getValue();
    }
}
