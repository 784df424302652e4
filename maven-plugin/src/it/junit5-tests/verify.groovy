// The JUnit 5 test chosen with -Dtest ran once, in one tracked JVM with the project's surefire
// configuration, and the viewer saw the allocations of the code it tested.
def Viewer = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'Viewer.groovy'))
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Run 'memray live 24102' in another shell to see live results")
    assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
    assert log.contains('CacheTest ran in ')
    assert log.contains('BUILD SUCCESS')

    // Java-heap figures are sampled estimates (accuracy is the trackers' own tests' concern):
    // here the rows must be there, from the right code, with bytes.
    def snapshot = Viewer.lastSnapshot(Viewer.received(basedir))
    assert snapshot.command == 'tests of com.example:junit5-tests:jar:1.0'
    def load = snapshot.locations.find { it.function == 'com.example.Cache.load' }
    assert load != null : "no row for com.example.Cache.load in ${snapshot.locations*.function}"
    assert load.total > 0
    def test = snapshot.locations.find { it.function == 'com.example.CacheTest.loadsWhatItIsGiven' }
    assert test != null && test.total >= load.total
} finally {
    Viewer.stop(basedir)
}
return true
