// A port out of range is refused before anything is started, in one line, without a stack trace.
def log = new File(basedir, 'build.log').text
assert log.contains("live.port must be a port number from 1 to 65535 (or 0 for any free port), not '70000'")
assert !log.contains('Run \'memray live')
assert !(log =~ /(?m)^\s+at [\w.$]+\(/) : 'a stack trace was printed'
return true
