// The loader for the app's classic-script chunks (see build/classic-chunks.ts), prepended to the
// entry script. Packaged TV apps load from file://, where Chromium refuses module scripts, so
// chunks cannot use import/export: each one registers a CommonJS-style factory here instead,
// and `require.load` fetches a chunk with a plain <script> tag. Written in ES5 so that it runs,
// and can report a failed load, before any polyfill is in; the build minifies it.
(function (win, doc) {
  'use strict';
  if (win.__tvChunk) return;
  // Chunks sit beside the entry script, whatever URL (http:, file:, app:) the TV loaded it from.
  var dir = dirOf(doc.currentScript && doc.currentScript.src);
  var factories = {};
  var modules = {};
  var arrivals = {};
  var arrived = {};
  // Until the page is parsed, a chunk may already have its own deferred tag in index.html (the
  // first stage does, so it downloads beside the entry): that tag is waited for, not doubled.
  var parsed = false;
  doc.addEventListener('DOMContentLoaded', function () {
    parsed = true;
  });

  function nameOf(path) {
    return path.slice(path.lastIndexOf('/') + 1);
  }

  // A query or fragment (a cache-buster, say) may hold slashes of its own.
  function pathOf(src) {
    return src.split(/[?#]/)[0];
  }

  function dirOf(src) {
    return src ? pathOf(src).slice(0, pathOf(src).lastIndexOf('/') + 1) : undefined;
  }

  function tagOf(name) {
    var scripts = doc.getElementsByTagName('script');
    for (var i = 0; i < scripts.length; i++) {
      if (nameOf(pathOf(scripts[i].src)) === name) return scripts[i];
    }
    return undefined;
  }

  // Where an engine gives no document.currentScript, the tag that loaded the entry tells.
  function dirOfTag(name) {
    var tag = tagOf(name);
    return tag ? dirOf(tag.src) : '';
  }

  function requireChunk(path) {
    var name = nameOf(path);
    var module = modules[name];
    if (!module) {
      var chunk = factories[name];
      if (!chunk) throw new Error('script ' + name + ' was required before it loaded');
      // Registered before it runs, as CommonJS does, so that a cycle sees the exports so far.
      module = modules[name] = { exports: {} };
      try {
        chunk.factory(requireChunk, module.exports, module);
      } catch (error) {
        // Forgotten, as CommonJS does: asking again fails again rather than hand out half a module.
        delete modules[name];
        throw error;
      }
    }
    return module.exports;
  }

  // The chunk's file, fetched once; forgotten when it fails, so that asking again tries again.
  function fetchChunk(name) {
    if (factories[name]) return Promise.resolve();
    if (!arrivals[name]) {
      arrivals[name] = new Promise(function (resolve, reject) {
        // Once the page is parsed, a tag of its own that registered nothing has failed.
        var listed = parsed ? undefined : tagOf(name);
        var tag = listed || doc.createElement('script');
        var fail = function (why) {
          delete arrivals[name];
          delete arrived[name];
          tag.parentNode && tag.parentNode.removeChild(tag);
          reject(new Error('script ' + name + ' ' + why));
        };
        arrived[name] = resolve;
        // A classic script has run by its load event: one that registered nothing could not be
        // parsed (a download cut short) or threw before registering, and would otherwise be
        // waited for forever.
        tag.onload = function () {
          if (!factories[name]) fail('loaded but did not run (a script error?)');
        };
        tag.onerror = function () {
          fail('failed to load');
        };
        if (listed) return;
        tag.src = dir + name;
        doc.head.appendChild(tag);
      });
    }
    return arrivals[name];
  }

  // The chunk and every chunk it needs, however they need each other: `asked` stops a cycle
  // from waiting on itself.
  function fetchWithDeps(name, asked) {
    asked[name] = true;
    return fetchChunk(name).then(function () {
      return Promise.all(
        factories[name].deps
          .filter(function (dep) {
            return !asked[dep];
          })
          .map(function (dep) {
            return fetchWithDeps(dep, asked);
          })
      );
    });
  }

  requireChunk.load = function (path) {
    return fetchWithDeps(nameOf(path), {}).then(function () {
      return requireChunk(path);
    });
  };

  var define = function (name, deps, factory) {
    factories[name] = { deps: deps, factory: factory };
    if (arrived[name]) arrived[name]();
  };
  define.start = function (name) {
    if (dir === undefined) dir = dirOfTag(name);
    requireChunk.load(name).catch(function (error) {
      console.error('[tv-app:boot] the app could not start: ' + (error && error.message));
    });
  };
  win.__tvChunk = define;
})(window, document);
