// The project's own test run was tracked: the viewer saw the test's allocations.
def Viewer = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'Viewer.groovy'))
try {
    def log = new File(basedir, 'build.log').text
    assert (log =~ /argLine set to -javaagent:\S+memray-agent-[^=\s]+\.jar=port=24104 --enable-native-access=ALL-UNNAMED -Dfrom\.pom=yes\n/).find()
    assert log.contains("Run 'memray live 24104' in another shell to see live results")
    assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
    assert log.contains('BUILD SUCCESS')

    // Java-heap figures are sampled estimates (accuracy is the trackers' own tests' concern):
    // here the rows must be there, from the right code, with bytes.
    def snapshot = Viewer.lastSnapshot(Viewer.received(basedir))
    def functions = snapshot.locations*.function
    assert functions.contains('com.example.CacheTest.runsWithTheProjectsArgLineAndMemraysAgentOnce')
    assert snapshot.locations.find { it.function == 'com.example.Cache.load' }.total > 0
} finally {
    Viewer.stop(basedir)
}
return true
