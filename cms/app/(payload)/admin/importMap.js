import { PeriodPreview as PeriodPreview_8314a54a7fa084ed4d966a1064464f3d } from '../../../components/notices/PeriodPreview'
import { ImportNoticeEntriesLink as ImportNoticeEntriesLink_58b6ba05d9a2bc0df5c18e0182e0df2f } from '../../../components/import/ImportLink'
import { NextStageButton as NextStageButton_5a7c54c53ab34b9847326ee3f552534d } from '../../../components/notices/NextStageButton'
import { ReviewPublishButton as ReviewPublishButton_cc0536715a4828b0e11da5b99d2f1ef0 } from '../../../components/review/ReviewPublishButton'
import { ImportNoticeEntriesView as ImportNoticeEntriesView_9b9beb9171f8e5a1abf78ebfedcacacf } from '../../../components/import/ImportView'
import { StepButtons as StepButtons_c7eff2ddcee926d1a9cbd9d460db910e } from '../../../components/complaints/StepButtons'
import { ReplyTemplatePicker as ReplyTemplatePicker_13003dfa8a5836541f5d7a1691e528a9 } from '../../../components/complaints/ReplyTemplatePicker'
import { ComplaintLedgerExport as ComplaintLedgerExport_a762fc38c3ae63e1ff4943756423a21e } from '../../../components/exports/ExportButtons'
import { ChangesField as ChangesField_a5ed25db3c0376482d19ef8b86eb9185 } from '../../../components/import/ChangesField'
import { HouseholdChangesField as HouseholdChangesField_8623035e85d121ae3eab9c69b59d0af7 } from '../../../components/import/HouseholdChangesField'
import { ImportListLink as ImportListLink_58b6ba05d9a2bc0df5c18e0182e0df2f } from '../../../components/import/ImportLink'
import { MonthListsExport as MonthListsExport_a762fc38c3ae63e1ff4943756423a21e } from '../../../components/exports/ExportButtons'
import { ImportListView as ImportListView_9b9beb9171f8e5a1abf78ebfedcacacf } from '../../../components/import/ImportView'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HolidayPasteLink as HolidayPasteLink_e1509d8b6ceb5b37f15aa0aeb769ccdf } from '../../../components/calendar/HolidayPasteLink'
import { HolidayPasteView as HolidayPasteView_ba5af92cf2e3611eaeb256e1811a33a9 } from '../../../components/calendar/HolidayPasteView'
import { AuditLogExport as AuditLogExport_a762fc38c3ae63e1ff4943756423a21e } from '../../../components/exports/ExportButtons'
import { BrandIcon as BrandIcon_34e61812ea3c2c569583a67ba074fb71 } from '../../../components/brand/Brand'
import { BrandLogo as BrandLogo_34e61812ea3c2c569583a67ba074fb71 } from '../../../components/brand/Brand'
import { WorkDashboard as WorkDashboard_071957f5e5cd7db88e965c307b156880 } from '../../../components/dashboard/WorkDashboard'
import { AccountGateRedirect as AccountGateRedirect_e0386dfda0174909c336483297f3815a } from '../../../components/account/AccountGateRedirect'
import { AccountSecurityView as AccountSecurityView_b248b2b1def06dfe7c704e77171b3f04 } from '../../../components/account/AccountSecurityView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/notices/PeriodPreview#PeriodPreview": PeriodPreview_8314a54a7fa084ed4d966a1064464f3d,
  "/components/import/ImportLink#ImportNoticeEntriesLink": ImportNoticeEntriesLink_58b6ba05d9a2bc0df5c18e0182e0df2f,
  "/components/notices/NextStageButton#NextStageButton": NextStageButton_5a7c54c53ab34b9847326ee3f552534d,
  "/components/review/ReviewPublishButton#ReviewPublishButton": ReviewPublishButton_cc0536715a4828b0e11da5b99d2f1ef0,
  "/components/import/ImportView#ImportNoticeEntriesView": ImportNoticeEntriesView_9b9beb9171f8e5a1abf78ebfedcacacf,
  "/components/complaints/StepButtons#StepButtons": StepButtons_c7eff2ddcee926d1a9cbd9d460db910e,
  "/components/complaints/ReplyTemplatePicker#ReplyTemplatePicker": ReplyTemplatePicker_13003dfa8a5836541f5d7a1691e528a9,
  "/components/exports/ExportButtons#ComplaintLedgerExport": ComplaintLedgerExport_a762fc38c3ae63e1ff4943756423a21e,
  "/components/import/ChangesField#ChangesField": ChangesField_a5ed25db3c0376482d19ef8b86eb9185,
  "/components/import/HouseholdChangesField#HouseholdChangesField": HouseholdChangesField_8623035e85d121ae3eab9c69b59d0af7,
  "/components/import/ImportLink#ImportListLink": ImportListLink_58b6ba05d9a2bc0df5c18e0182e0df2f,
  "/components/exports/ExportButtons#MonthListsExport": MonthListsExport_a762fc38c3ae63e1ff4943756423a21e,
  "/components/import/ImportView#ImportListView": ImportListView_9b9beb9171f8e5a1abf78ebfedcacacf,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/calendar/HolidayPasteLink#HolidayPasteLink": HolidayPasteLink_e1509d8b6ceb5b37f15aa0aeb769ccdf,
  "/components/calendar/HolidayPasteView#HolidayPasteView": HolidayPasteView_ba5af92cf2e3611eaeb256e1811a33a9,
  "/components/exports/ExportButtons#AuditLogExport": AuditLogExport_a762fc38c3ae63e1ff4943756423a21e,
  "/components/brand/Brand#BrandIcon": BrandIcon_34e61812ea3c2c569583a67ba074fb71,
  "/components/brand/Brand#BrandLogo": BrandLogo_34e61812ea3c2c569583a67ba074fb71,
  "/components/dashboard/WorkDashboard#WorkDashboard": WorkDashboard_071957f5e5cd7db88e965c307b156880,
  "/components/account/AccountGateRedirect#AccountGateRedirect": AccountGateRedirect_e0386dfda0174909c336483297f3815a,
  "/components/account/AccountSecurityView#AccountSecurityView": AccountSecurityView_b248b2b1def06dfe7c704e77171b3f04,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
