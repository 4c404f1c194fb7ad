package dev.ecsdashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The feature packages depend on each other only in the intended directions. The simulated ECS of
 * demo mode ({@code dev.ecsdashboard.demo}) may use {@code ecs}; no production class outside it
 * depends on it (tests may).
 */
@AnalyzeClasses(packages = "dev.ecsdashboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule onlyTheEcsPackageTouchesTheClient =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.ecsdashboard.ecs..", "dev.ecsdashboard.demo..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("software.amazon.awssdk.services.ecs.EcsClient")
          .because(
              "EcsOperations is the one door to ECS (the demo builds the client of demo mode)");

  @ArchTest
  static final ArchRule noSdkExceptionsOutsideTheEcsPackage =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.ecsdashboard.ecs..", "dev.ecsdashboard.demo..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("software.amazon.awssdk.core.exception..")
          .orShould()
          .dependOnClassesThat()
          .haveSimpleNameEndingWith("EcsException")
          .because("SDK exceptions are translated in one place (the demo answers as ECS would)");

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      slices().matching("dev.ecsdashboard.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule ecsDependsOnNoFeature =
      noClasses()
          .that()
          .resideInAPackage("dev.ecsdashboard.ecs..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.ecsdashboard.cluster..",
              "dev.ecsdashboard.task..",
              "dev.ecsdashboard.stop..",
              "dev.ecsdashboard.audit..",
              "dev.ecsdashboard.security..",
              "dev.ecsdashboard.web..",
              "dev.ecsdashboard.api..",
              "dev.ecsdashboard.demo..");

  @ArchTest
  static final ArchRule productionCodeNeverUsesTheDemo =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.ecsdashboard.demo..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.ecsdashboard.demo..")
          .because(
              "the simulated ECS is a plug-in of demo mode: only its own conditional"
                  + " configuration brings it in, and it may use ecs, never the other way round");
}
