/**
 * What tests share: {@link dev.tasksandbox.testkit.SharedInfrastructure}, the clients
 * {@link dev.tasksandbox.testkit.AccountsApi} and {@link dev.tasksandbox.testkit.ProjectsApi},
 * {@link dev.tasksandbox.testkit.HttpPactVerification} and {@link dev.tasksandbox.testkit.TokenForge}.
 */
@NullMarked
package dev.tasksandbox.testkit;

import org.jspecify.annotations.NullMarked;
