// Runs before the first paint (a classic script in <head>, so it blocks
// rendering for the moment it takes). It marks the page as run with
// JavaScript (`.js`: without it, the page is the prerendered base case as a
// report). With a scenario in the link, the answer prerendered in the page
// is the base case's, not the link's: `.link-pending` hides it and shows
// "Loading the scenario in your link…" until main.js has drawn the link's
// answer and removes the class.
document.documentElement.classList.add('js');
if (location.hash.length > 1) document.documentElement.classList.add('link-pending');
