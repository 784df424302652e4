// With memray.native the forked JVM preloads the native tracker's library (LD_PRELOAD) and binds
// it as a JVMTI agent: the viewer saw the native tracker and its gauge, the live native bytes,
// holding the program's 32 MiB of direct buffers. (Which stacks the bytes are attributed to is
// the native tracker's own tests' concern.)
def Viewer = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'Viewer.groovy'))
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Run 'memray live 24108' in another shell to see live results")
    assert log.contains('holding 32 direct buffers')
    assert log.contains('BUILD SUCCESS')
    assert !log.contains('native tracking needs') && !log.contains('cannot run here')

    def snapshot = Viewer.lastSnapshot(Viewer.received(basedir))
    def nativeTracker = snapshot.trackers.find { it.name == 'native' }
    assert nativeTracker != null && nativeTracker.memory == 'native' : snapshot.trackers
    assert snapshot.trackers.any { it.memory == 'java-heap' }
    assert snapshot['native'].peak >= 32 * 1024 * 1024
    assert snapshot.locations.any { it.tracker == 'native' }
} finally {
    Viewer.stop(basedir)
}
return true
