// The buffer-pools tracker came from the plugin's dependency (and only it: not the api or the
// agent), was selected by name next to jfr, and its rows and gauge reached the viewer.
def Viewer = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'Viewer.groovy'))
try {
    def log = new File(basedir, 'build.log').text
    def path = (log =~ /memray: tracker path from the plugin's dependencies: \[(.*)\]/)[0][1]
    def names = path.split(', ').collect { new File(it).name }
    assert names.size() == 1 && names[0] ==~ /memray-examples-tracker-.+\.jar/ : names
    assert log.contains("Run 'memray live 24105' in another shell to see live results")
    assert log.contains('holding 24 direct buffers')
    assert log.contains('BUILD SUCCESS')

    def snapshot = Viewer.lastSnapshot(Viewer.received(basedir))
    assert snapshot.command == 'com.example.Buffers'
    assert snapshot.trackers*.name == ['jfr', 'buffer-pools']
    def pools = snapshot.trackers.find { it.name == 'buffer-pools' }
    assert pools.memory == 'other' && pools.figures == 'live'
    def direct = snapshot.locations.find { it.tracker == 'buffer-pools' && it.function == 'direct' }
    assert direct != null : "no direct row in ${snapshot.locations}"
    assert direct.live.own >= 24 * 1024 * 1024
    assert direct.allocations >= 24
    assert snapshot['buffer-pools'].peak >= 24 * 1024 * 1024
    assert snapshot.locations.any { it.tracker == 'jfr' && it.function == 'com.example.Buffers.main' }
} finally {
    Viewer.stop(basedir)
}
return true
