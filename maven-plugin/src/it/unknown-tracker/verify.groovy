// memray stops the tracked JVM before the program (or the tests) starts; the build says so in
// one line after memray's own message, without a stack trace, for a main class and for tests.
def log = new File(basedir, 'build.log').text
assert log.count("memray: unknown tracker 'no-such-tracker'; available: ") == 2
assert log.contains('on project unknown-tracker: memray could not start tracking com.example.Main'
        + ' (see memray\'s message above); exit status 1 -> [Help 1]')
assert log.contains('on project unknown-tracker: memray could not start tracking the tests: the'
        + ' test JVM ended before memray listened (see its messages above) -> [Help 1]')
assert !log.contains('arg: ') && !log.contains('NeverRunTest ran')
assert !log.contains('Run \'memray live')
assert !(log =~ /(?m)^(\[ERROR\])?\s+at [\w.$]+\(/) : 'a stack trace was printed'
return true
