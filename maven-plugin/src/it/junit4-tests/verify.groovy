// Both JUnit 4 test classes ran in the same tracked JVM (reuseForks=false of the project is
// overridden: one JVM, one viewer), and the viewer saw both tests' allocations.
def Viewer = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'Viewer.groovy'))
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Run 'memray live 24103' in another shell to see live results")
    assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
    def small = (log =~ /SmallCacheTest ran in (\S+)/)[0][1]
    def large = (log =~ /LargeCacheTest ran in (\S+)/)[0][1]
    assert small == large : 'the test classes ran in different JVMs'
    assert log.contains('BUILD SUCCESS')

    // Java-heap figures are sampled estimates (accuracy is the trackers' own tests' concern):
    // here the rows must be there, from the right code, with bytes.
    def snapshot = Viewer.lastSnapshot(Viewer.received(basedir))
    def functions = snapshot.locations*.function
    assert functions.contains('com.example.SmallCacheTest.loadsSmallEntries')
    assert functions.contains('com.example.LargeCacheTest.loadsLargeEntries')
    assert snapshot.locations.find { it.function == 'com.example.Cache.load' }.total > 0
} finally {
    Viewer.stop(basedir)
}
return true
