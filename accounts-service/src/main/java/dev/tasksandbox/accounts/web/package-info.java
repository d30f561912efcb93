@NullMarked
package dev.tasksandbox.accounts.web;

import org.jspecify.annotations.NullMarked;
