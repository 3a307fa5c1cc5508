// The loader for the app's classic-script chunks (see build/classic-chunks.ts), prepended to the
// entry script. Packaged TV apps load from file://, where Chromium refuses module scripts, so
// chunks cannot use import/export: each one registers a CommonJS-style factory here instead,
// and `require.load` fetches a chunk with a plain <script> tag. Kept ES5 so that even the
// oldest TV engine can report a failed load.
(function (win, doc) {
  'use strict';
  if (win.__tvChunk) return;
  var current = doc.currentScript;
  // Chunks sit beside the entry script, whatever URL (http:, file:, app:) the TV loaded it from.
  var dir = current && current.src ? current.src.slice(0, current.src.lastIndexOf('/') + 1) : '';
  var factories = {};
  var modules = {};
  var arrivals = {};
  var arrived = {};

  function nameOf(path) {
    return path.slice(path.lastIndexOf('/') + 1);
  }

  function requireChunk(path) {
    var name = nameOf(path);
    var module = modules[name];
    if (!module) {
      var chunk = factories[name];
      if (!chunk) throw new Error('script ' + name + ' was required before it loaded');
      // Registered before it runs, as CommonJS does, so that a cycle sees the exports so far.
      module = modules[name] = { exports: {} };
      chunk.factory(requireChunk, module.exports, module);
    }
    return module.exports;
  }

  function fetchChunk(name) {
    if (!arrivals[name]) {
      arrivals[name] = new Promise(function (resolve, reject) {
        if (factories[name]) return resolve();
        arrived[name] = resolve;
        var tag = doc.createElement('script');
        tag.src = dir + name;
        tag.onerror = function () {
          // Forgotten, so that asking again (the next navigation) tries the file again.
          delete arrivals[name];
          tag.parentNode && tag.parentNode.removeChild(tag);
          reject(new Error('script ' + name + ' failed to load'));
        };
        doc.head.appendChild(tag);
      }).then(function () {
        return Promise.all(factories[name].deps.map(fetchChunk));
      });
    }
    return arrivals[name];
  }

  requireChunk.load = function (path) {
    return fetchChunk(nameOf(path)).then(function () {
      return requireChunk(path);
    });
  };

  var define = function (name, deps, factory) {
    factories[name] = { deps: deps, factory: factory };
    if (arrived[name]) arrived[name]();
  };
  define.start = function (name) {
    requireChunk.load(name).catch(function (error) {
      console.error('[tv-app:boot] the app could not start: ' + (error && error.message));
    });
  };
  win.__tvChunk = define;
})(window, document);
