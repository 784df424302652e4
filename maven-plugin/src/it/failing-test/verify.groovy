// A failing test fails the build (surefire's own failure), and the viewer saw the run to its end.
def Viewer = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'Viewer.groovy'))
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Run 'memray live 24106' in another shell to see live results")
    assert log.contains('Tests run: 1, Failures: 1, Errors: 0, Skipped: 0')
    assert log.contains('the expected failure')
    assert log.contains('There are test failures')
    assert log.contains('BUILD FAILURE')

    def snapshot = Viewer.lastSnapshot(Viewer.received(basedir))
    assert snapshot.locations*.function.contains('com.example.FailingTest.failsAfterAllocating')
} finally {
    Viewer.stop(basedir)
}
return true
