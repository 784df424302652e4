// Without a main class, and with a misspelt one, memray:run fails with a clear message and
// starts nothing.
def log = new File(basedir, 'build.log').text
assert log.contains('memray:run needs a main class: name the class to run with -Dmemray.mainClass=com.example.Main')
assert log.contains('memray:run: main class com.example.Mian is not in the project\'s runtime class path')
assert !log.contains('Run \'memray live')
assert !(log =~ /(?m)^\s+at [\w.$]+\(/) : 'a stack trace was printed'
return true
