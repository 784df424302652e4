// memray:run forked the main class with its arguments under the agent, passed its output
// through, and the viewer saw its allocations.
def Viewer = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'Viewer.groovy'))
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Run 'memray live 24101' in another shell to see live results")
    assert log.contains('arg: alpha\n') && log.contains('arg: beta gamma\n')
    assert log.contains('kept 1024 arrays')
    assert log.contains('BUILD SUCCESS')

    // Java-heap figures are sampled estimates (accuracy is the trackers' own tests' concern):
    // here the rows must be there, from the right code, with bytes.
    def snapshot = Viewer.lastSnapshot(Viewer.received(basedir))
    assert snapshot.command == 'com.example.Main alpha beta gamma'
    assert snapshot.trackers.every { it.memory == 'java-heap' }
    def fill = snapshot.locations.find { it.function == 'com.example.Main.fill' }
    assert fill != null : "no row for com.example.Main.fill in ${snapshot.locations*.function}"
    assert fill.total > 0
    def mainThread = snapshot.threads.find { it.name == 'main' }
    assert mainThread != null && fill.byThread[mainThread.id as String].total == fill.total
} finally {
    Viewer.stop(basedir)
}
return true
