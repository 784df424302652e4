// Skipped: argLine was set to "" so that surefire's @{argLine} did not reach the JVM literally.
def log = new File(basedir, 'build.log').text
assert log.contains('memray:prepare-agent skipped (memray.skip): argLine set to ""')
assert !log.contains('Run \'memray live')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('BUILD SUCCESS')
return true
