// The program's non-zero status fails the build with a one-line message naming it; the program's
// own standard error passed through; the viewer saw the run to its end.
def Viewer = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'Viewer.groovy'))
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Run 'memray live 24107' in another shell to see live results")
    assert log.contains('giving up with status 3 after 32 arrays')
    assert log.contains('on project nonzero-exit: com.example.Exit exited with status 3 -> [Help 1]')
    assert !(log =~ /(?m)^\s+at [\w.$]+\(/) : 'a stack trace was printed'

    def snapshot = Viewer.lastSnapshot(Viewer.received(basedir))
    assert snapshot.command == 'com.example.Exit'
    assert snapshot.locations*.function.contains('com.example.Exit.main')
} finally {
    Viewer.stop(basedir)
}
return true
