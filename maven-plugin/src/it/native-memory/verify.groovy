// With memray.native the forked JVM preloads the native tracker's library: the viewer saw the
// native tracker's live figures for the program's direct buffers, attributed to the Java method
// that allocated them.
def Viewer = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'Viewer.groovy'))
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Run 'memray live 24108' in another shell to see live results")
    assert log.contains('holding 32 direct buffers')
    assert log.contains('BUILD SUCCESS')

    def snapshot = Viewer.lastSnapshot(Viewer.received(basedir))
    def nativeTracker = snapshot.trackers.find { it.name == 'native' }
    assert nativeTracker != null && nativeTracker.memory == 'native' : snapshot.trackers
    def allocate = snapshot.locations.find {
        it.tracker == 'native' && it.function == 'com.example.NativeMemory.allocate'
    }
    assert allocate != null : "no native row for NativeMemory.allocate: ${snapshot.locations.findAll { it.tracker == 'native' }*.function.take(20)}"
    assert allocate.total >= 32 * 1024 * 1024
} finally {
    Viewer.stop(basedir)
}
return true
