// Working-day deadlines for the decision trees and the planner (/moving/), kept in one place:
// the same rule as macros/trees/deadlines.py (a browser test checks they agree). Loaded before
// decisions.js and directory.js on the pages that use them.
(function () {
  "use strict";

  var DAY = 24 * 60 * 60 * 1000;

  // Working days: Monday to Friday, not a bank holiday, counted from the day after the start.
  function addWorkingDays(startISO, days, closed) {
    var t = Date.parse(startISO + "T00:00:00Z");
    var counted = 0;
    while (counted < days) {
      t += DAY;
      var d = new Date(t);
      var iso = d.toISOString().slice(0, 10);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !closed[iso]) counted += 1;
    }
    return new Date(t).toISOString().slice(0, 10);
  }

  var DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];

  // GOV.UK style, the same in every browser: "Thursday 14 January 2027".
  function longDate(iso) {
    var d = new Date(iso + "T00:00:00Z");
    return DAYS[d.getUTCDay()] + " " + d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }

  // Where the date comes first, at the top of an outcome: "Wed 6 Jan 2027" (as macros/trees/pages.py).
  function shortDate(iso) {
    var d = new Date(iso + "T00:00:00Z");
    return DAYS[d.getUTCDay()].slice(0, 3) + " " + d.getUTCDate() + " " + MONTHS[d.getUTCMonth()].slice(0, 3) + " " + d.getUTCFullYear();
  }

  window.atlasDeadlines = { addWorkingDays: addWorkingDays, longDate: longDate, shortDate: shortDate };
})();
