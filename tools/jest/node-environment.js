// The test environment of every project (jest.preset.js): jest's Node environment, with V8's code
// cache kept across the test files a jest worker runs.
//
// jest compiles every module anew for each test file (vm.compileFunction, which, unlike vm.Script,
// has no compilation cache: nodejs/node#35375), so a worker that runs forty files parses Nest,
// TypeORM and Apollo forty times: the largest single cost of npm test's many small suites. Here the
// first compile of a module's code produces V8's code cache and later compiles of the same code
// start from it. What runs is unchanged: same source, same sandbox; V8 rejects data that does not
// match (another V8, other flags), and then the module is compiled as before.
const vm = require('node:vm');
const { TestEnvironment } = require('jest-environment-node');

const compileFunction = vm.compileFunction;
/** Per worker process: each module's transformed code and the code cache produced for it. */
const compiled = new Map();

if (!compileFunction.hubCodeCache) {
  const cached = function (code, params, options) {
    const filename = options?.filename;
    if (!filename || options.cachedData || options.produceCachedData) {
      return compileFunction.call(vm, code, params, options);
    }
    const known = compiled.get(filename);
    if (known && known.code === code) {
      const fn = compileFunction.call(vm, code, params, { ...options, cachedData: known.data });
      if (!fn.cachedDataRejected) return fn;
    }
    const fn = compileFunction.call(vm, code, params, { ...options, produceCachedData: true });
    if (fn.cachedData) compiled.set(filename, { code, data: fn.cachedData });
    return fn;
  };
  cached.hubCodeCache = true;
  vm.compileFunction = cached;
}

module.exports = TestEnvironment;
