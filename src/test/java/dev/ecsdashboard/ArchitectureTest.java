package dev.ecsdashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The feature packages depend on each other only in the intended directions. */
@AnalyzeClasses(packages = "dev.ecsdashboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule onlyTheEcsPackageTouchesTheClient =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.ecsdashboard.ecs..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("software.amazon.awssdk.services.ecs.EcsClient")
          .because("EcsOperations is the one door to ECS");

  @ArchTest
  static final ArchRule noSdkExceptionsOutsideTheEcsPackage =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.ecsdashboard.ecs..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("software.amazon.awssdk.core.exception..")
          .orShould()
          .dependOnClassesThat()
          .haveSimpleNameEndingWith("EcsException")
          .because("SDK exceptions are translated in one place");

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
              "dev.ecsdashboard.api..");
}
